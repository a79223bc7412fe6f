package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The build copies {@code icons/sealdrop-*.png} onto the class path; the window finds every size. */
@ExtendWith(ApplicationExtension.class)
class AppIconsTest {

    @Test
    void everySizeLoads() {
        List<Image> icons = AppIcons.load();

        assertEquals(AppIcons.SIZES.length, icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            assertFalse(icon.isError(), "icon " + AppIcons.SIZES[i]);
            assertEquals(AppIcons.SIZES[i], icon.getWidth(), "width of icon " + AppIcons.SIZES[i]);
            assertEquals(AppIcons.SIZES[i], icon.getHeight(), "height of icon " + AppIcons.SIZES[i]);
        }
    }
}
