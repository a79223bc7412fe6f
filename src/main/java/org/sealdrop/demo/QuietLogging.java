package org.sealdrop.demo;

import org.slf4j.LoggerFactory;

/**
 * Lowers an embedded library's loggers to WARN unless the logging configuration already set a level
 * for them. S3Proxy 4.1.0 and its embedded Jetty wrote about 11,000 DEBUG lines for one 12 MiB
 * multipart upload (three parts) in a test run, which slows uploads down.
 */
final class QuietLogging {

    private QuietLogging() {
    }

    static void limitToWarnings(String loggerName) {
        if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logger && logger.getLevel() == null) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
