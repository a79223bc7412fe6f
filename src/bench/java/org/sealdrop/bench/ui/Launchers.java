package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The programs {@link StartTimeBench} starts, each as a script without arguments, because
 * {@code start-time.sh} takes one launcher path. Every Java launcher turns off the EC2 instance
 * metadata lookup and points the managed settings file at a path that does not exist, as the tests do,
 * and sets {@code user.home} to a folder of the benchmark, so JavaFX's native library cache and Java's
 * preferences stay out of the real home folder.
 */
final class Launchers {

    static final String JAR_COLD = "java -jar target/sealdrop.jar, first start (empty data folder)";
    static final String JAR_WARM = "java -jar target/sealdrop.jar, later start";
    static final String HELLO = "baseline: bare JavaFX window (HelloWindow), same JVM flags";
    static final String PACKAGE_COLD = "target/package/SealDrop/bin/SealDrop, first start";
    static final String PACKAGE_WARM = "target/package/SealDrop/bin/SealDrop, later start";

    private final List<Case> cases = new ArrayList<>();
    private final Path hello;
    private final Path jarWithClassLog;
    private final Path classLog;
    private final boolean packaged;

    /** One timed start: what the report calls it, the script to run and whether the data folder is reused. */
    record Case(String label, Path launcher, boolean warm) {
    }

    Launchers(Path work, Path jar, Path packageLauncher) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String safety = "-Daws.disableEc2Metadata=true -Dsealdrop.managedSettings='"
                + work.resolve("no-managed-settings/managed.json") + "' -Duser.home='" + work.resolve("home") + "'";
        Path jarLauncher = StartTimeBench.script(work.resolve("sealdrop-jar.sh"),
                "exec '" + java + "' " + safety + " -jar '" + jar + "'");
        this.hello = StartTimeBench.script(work.resolve("hello.sh"), "exec '" + java + "' " + safety
                + " -cp '" + System.getProperty("java.class.path") + "' " + HelloWindow.class.getName());
        this.classLog = work.resolve("class-load.log");
        this.jarWithClassLog = StartTimeBench.script(work.resolve("sealdrop-jar-class-log.sh"), "exec '" + java + "' "
                + safety + " -Xlog:class+load=info:file='" + classLog + "':uptime -jar '" + jar + "'");

        cases.add(new Case(HELLO, hello, false));
        cases.add(new Case(JAR_COLD, jarLauncher, false));
        cases.add(new Case(JAR_WARM, jarLauncher, true));
        this.packaged = Files.isExecutable(packageLauncher);
        if (packaged) {
            cases.add(new Case(PACKAGE_COLD, packageLauncher, false));
            cases.add(new Case(PACKAGE_WARM, packageLauncher, true));
        }
    }

    List<Case> cases() {
        return cases;
    }

    Path hello() {
        return hello;
    }

    /** Returns the jar's launcher that logs the uptime of each class load to {@link #classLog()}. */
    Path jarWithClassLog() {
        return jarWithClassLog;
    }

    Path classLog() {
        return classLog;
    }

    boolean packaged() {
        return packaged;
    }
}
