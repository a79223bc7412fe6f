package org.sealdrop.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SealDrop window icons, rendered from {@code icons/sealdrop.svg} at build time. */
public final class AppIcons {

    private static final Logger LOG = LoggerFactory.getLogger(AppIcons.class);

    /** Sizes in pixels of the PNGs on the class path; the window system picks the closest. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private static List<Image> icons;

    private AppIcons() {
    }

    /** Adds every icon found on the class path to the stage; a missing size is logged and left out. */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(load());
    }

    static synchronized List<Image> load() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                String resource = "/org/sealdrop/ui/icons/sealdrop-" + size + ".png";
                try (InputStream in = AppIcons.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        LOG.warn("Window icon {} is missing from the class path", resource);
                        continue;
                    }
                    loaded.add(new Image(in));
                } catch (IOException e) {
                    LOG.warn("Window icon {} could not be read: {}", resource, e.toString());
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }
}
