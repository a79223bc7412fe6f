package org.sealdrop.transfer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.ContentTagKey;
import org.sealdrop.index.DocumentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds documents of the index by their content, through the keyed content tags of the
 * {@code documents} table ({@link ContentTagKey}). The index never stores a SHA-256 in clear.
 *
 * <p>Tags are written under the current vault key version. A row without a tag, or with a tag under an
 * older version (after a vault key rotation), gets its tag from its decrypted metadata when the next
 * lookup runs, so a lookup always compares tags under one version.
 */
public final class ContentTags {

    private static final Logger LOG = LoggerFactory.getLogger(ContentTags.class);

    private final TransferContext context;
    private final DocumentReader reader;

    public ContentTags(TransferContext context) {
        this.context = context;
        this.reader = new DocumentReader(context);
    }

    /**
     * Returns, for each of {@code sha256Hexes}, the ids of the documents in the index with that
     * content, oldest first. Hashes without a document map to an empty list.
     *
     * @throws org.sealdrop.vault.VaultLockedException when the vault is locked
     */
    public Map<String, List<UUID>> find(Collection<String> sha256Hexes) {
        try (ContentTagKey key = context.vaultKeys().get().contentTagKey()) {
            tagUntaggedRows(key);
            Map<String, List<UUID>> found = new LinkedHashMap<>();
            for (String sha256Hex : sha256Hexes) {
                found.put(sha256Hex, context.index().findByContentTag(key.tag(sha256Hex), key.vaultKeyVersion()));
            }
            return found;
        }
    }

    /**
     * Computes the tags of rows that have none under the key's version, in one transaction. A row whose
     * metadata cannot be decrypted keeps no tag and is logged by id; opening it reports the damage.
     */
    private void tagUntaggedRows(ContentTagKey key) {
        List<DocumentRecord> untagged = context.index().withoutContentTag(key.vaultKeyVersion());
        if (untagged.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, byte[]>> tags = new ArrayList<>();
        for (DocumentRecord record : untagged) {
            try {
                tags.add(Map.entry(record.id(), key.tag(reader.readMetadata(record).sha256Hex())));
            } catch (SealDropException e) {
                LOG.warn("Content tag of document {} could not be computed: {}", record.id(), e.errorCode());
            }
        }
        context.database().inTransaction(transaction -> {
            for (Map.Entry<UUID, byte[]> tag : tags) {
                context.index().setContentTag(transaction, tag.getKey(), tag.getValue(), key.vaultKeyVersion());
            }
            return null;
        });
        LOG.info("Content tags of {} documents computed under vault key version {}", tags.size(), key.vaultKeyVersion());
    }
}
