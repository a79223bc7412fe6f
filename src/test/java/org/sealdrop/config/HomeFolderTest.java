package org.sealdrop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeFolderTest {

    private static final Path USER_HOME = Path.of("/home/zoë");

    @Test
    void linuxUsesXdgDataHome() {
        assertEquals(Path.of("/data/sealdrop"),
                HomeFolder.defaultFor("Linux", Map.of("XDG_DATA_HOME", "/data"), USER_HOME).root());
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertEquals(USER_HOME.resolve(".local/share/sealdrop"), HomeFolder.defaultFor("Linux", Map.of(), USER_HOME).root());
    }

    @Test
    void windowsUsesLocalAppData() {
        HomeFolder home = HomeFolder.defaultFor("Windows 11", Map.of("LOCALAPPDATA", "/appdata"), USER_HOME);
        assertEquals(Path.of("/appdata/SealDrop"), home.root());
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(USER_HOME.resolve("Library/Application Support/SealDrop"),
                HomeFolder.defaultFor("Mac OS X", Map.of(), USER_HOME).root());
    }

    @Test
    void filesLiveInsideTheHomeFolder() {
        HomeFolder home = new HomeFolder(Path.of("/h"));
        assertEquals(Path.of("/h/index.db"), home.indexFile());
        assertEquals(Path.of("/h/settings.json"), home.settingsFile());
        assertEquals(Path.of("/h/logs"), home.logFolder());
    }
}
