package org.sealdrop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** One choice restyles every registered scene and dialog, and is stored in the UI preferences file. */
@ExtendWith(ApplicationExtension.class)
class UiThemeTest {

    @TempDir
    Path home;

    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showScene(FxRobot robot) {
        robot.interact(() -> {
            UiTheme.useSystemTheme(new SystemTheme("Linux", Map.of(), command -> Optional.empty()));
            UiTheme.load(UiPreferences.in(home));
            StackPane root = new StackPane(new Button("_Lock"));
            scene = new Scene(root, 300, 200);
            UiTheme.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void resetTheme(FxRobot robot) {
        robot.interact(() -> UiTheme.load(UiPreferences.inMemory()));
    }

    @Test
    void systemWithoutDarkDesktopIsLight() {
        assertEquals(ThemeChoice.SYSTEM, UiTheme.choice());
        assertEquals(Theme.LIGHT, UiTheme.theme());
        assertEquals(List.of(UiTheme.stylesheetUrl("sealdrop.css"), UiTheme.stylesheetUrl("theme-light.css")),
                scene.getStylesheets());
    }

    @Test
    void chooseDarkRestylesSceneAndDialog(FxRobot robot) {
        Alert[] dialog = new Alert[1];
        robot.interact(() -> {
            dialog[0] = new Alert(Alert.AlertType.INFORMATION);
            UiTheme.apply(dialog[0].getDialogPane());
            UiTheme.choose(ThemeChoice.DARK);
        });

        String dark = UiTheme.stylesheetUrl("theme-dark.css");
        assertEquals(List.of(UiTheme.stylesheetUrl("sealdrop.css"), dark), scene.getStylesheets());
        assertTrue(dialog[0].getDialogPane().getStylesheets().contains(dark), "the dialog follows");
        assertEquals(ThemeChoice.DARK, UiPreferences.in(home).theme(), "the choice is stored");

        Color background = backgroundOf((Region) scene.getRoot(), robot);
        assertTrue(background.getBrightness() < 0.3, "the dark theme paints a dark background: " + background);
    }

    @Test
    void toggleSwitchesBackAndForth(FxRobot robot) {
        robot.interact(UiTheme::toggle);
        assertEquals(Theme.DARK, UiTheme.theme());
        robot.interact(UiTheme::toggle);
        assertEquals(Theme.LIGHT, UiTheme.theme());
        assertEquals(ThemeChoice.LIGHT, UiTheme.choice(), "a toggle stores an explicit choice");
    }

    @Test
    void applyTwiceKeepsOneThemeSheet(FxRobot robot) {
        robot.interact(() -> {
            scene.getStylesheets().add("extra.css");
            UiTheme.apply(scene);
            UiTheme.choose(ThemeChoice.DARK);
        });
        assertEquals(List.of(UiTheme.stylesheetUrl("sealdrop.css"), UiTheme.stylesheetUrl("theme-dark.css"),
                "extra.css"), scene.getStylesheets());
    }

    private static Color backgroundOf(Region region, FxRobot robot) {
        Color[] colour = new Color[1];
        robot.interact(() -> {
            region.applyCss();
            colour[0] = (Color) region.getBackground().getFills().get(0).getFill();
        });
        return colour[0];
    }
}
