package org.sealdrop.transfer;

import org.sealdrop.crypto.ContentTagKey;
import org.sealdrop.vault.VaultKeys;

/** A row's content tag and the vault key version its key was derived from. */
record ContentTag(byte[] value, int vaultKeyVersion) {

    /** Tags a document's plaintext SHA-256 under the current vault key version. */
    static ContentTag of(VaultKeys keys, String sha256Hex) {
        try (ContentTagKey tagKey = keys.contentTagKey()) {
            return new ContentTag(tagKey.tag(sha256Hex), tagKey.vaultKeyVersion());
        }
    }
}
