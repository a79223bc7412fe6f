package org.sealdrop.cli;

public final class Main {
    public static void main(String[] args) {
    }
}
