package org.sealdrop.selftest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a packaged runtime contains JavaFX's native libraries in its {@code lib} folder, where
 * JavaFX loads them from without extracting them to {@code ~/.openjfx/cache}. It needs no display,
 * so it checks the files and does not load them. Outside a packaged runtime (such as
 * {@code java -jar}) JavaFX extracts its libraries from the Maven jars at the first window, and the
 * check is skipped.
 */
final class JavaFxLibrariesCheck implements SelfTestCheck {

    /** Libraries that every window needs: windowing, software and OpenGL rendering, fonts and images. */
    private static final List<String> LINUX_LIBRARIES = List.of("libglass.so", "libglassgtk3.so", "libprism_sw.so",
            "libprism_es2.so", "libjavafx_font.so", "libjavafx_iio.so");
    private static final List<String> WINDOWS_LIBRARIES = List.of("glass.dll", "prism_sw.dll", "prism_d3d.dll",
            "javafx_font.dll", "javafx_iio.dll");
    private static final List<String> MAC_LIBRARIES = List.of("libglass.dylib", "libprism_sw.dylib",
            "libprism_es2.dylib", "libjavafx_font.dylib", "libjavafx_iio.dylib");

    @Override
    public String name() {
        return "javafx";
    }

    @Override
    public String run(Path workFolder) {
        if (System.getProperty("jpackage.app-path") == null) {
            return "skipped: not a packaged runtime, so JavaFX extracts its libraries at the first window";
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        List<String> expected = os.startsWith("windows") ? WINDOWS_LIBRARIES
                : os.startsWith("mac") ? MAC_LIBRARIES : LINUX_LIBRARIES;
        // Windows keeps native libraries in bin, the other systems in lib.
        Path folder = javaHome.resolve(os.startsWith("windows") ? "bin" : "lib");
        List<String> missing = new ArrayList<>();
        for (String library : expected) {
            if (!Files.isRegularFile(folder.resolve(library))) {
                missing.add(library);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(folder + " lacks " + String.join(", ", missing)
                    + "; rebuild the runtime with `mvn -Ppackage verify`");
        }
        return expected.size() + " native libraries found in " + folder;
    }
}
