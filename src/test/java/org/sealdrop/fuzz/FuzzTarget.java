package org.sealdrop.fuzz;

/**
 * One {@code @FuzzTest} method that the campaign fuzzes in its own JVM.
 *
 * @param testClass the fully qualified name of the test class
 * @param method the fuzz test method
 * @param seconds the fuzzing time in the normal build
 */
record FuzzTarget(String testClass, String method, int seconds) {

    /** Returns the short name used for the target's folder and in messages, such as {@code ObjectFuzzTest.objectBytes}. */
    String name() {
        return testClass.substring(testClass.lastIndexOf('.') + 1) + "." + method;
    }
}
