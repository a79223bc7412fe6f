/**
 * Client-side encryption of documents: the object format (streaming AES-256-GCM chunks with key
 * commitment), key wrapping, Argon2id passphrase derivation and HKDF. {@code docs/FORMAT.md}
 * specifies the bytes and the reasons behind them, with test vectors.
 *
 * <p>This package logs nothing and imports no JavaFX: its exceptions carry everything a caller
 * needs, and their messages contain document ids but never names, patient references or keys.
 */
package org.sealdrop.crypto;
