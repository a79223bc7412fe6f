package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every audit action has its row in docs/AUDIT.md, so receivers learn of new actions. */
class AuditActionTableTest {

    @Test
    void everyActionIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs", "AUDIT.md"));
        for (AuditAction action : AuditAction.values()) {
            assertTrue(doc.contains("| `" + action.wireName() + "` |"), action.wireName() + " is missing from docs/AUDIT.md");
        }
    }

    @Test
    void keyManagementActionsHaveLowerSnakeCaseNames() {
        assertEquals(AuditAction.ROTATE, AuditAction.fromWireName("rotate"));
        assertEquals(AuditAction.RETIRE_KEY, AuditAction.fromWireName("retire_key"));
        assertEquals(AuditAction.CHANGE_PASSPHRASE, AuditAction.fromWireName("change_passphrase"));
        assertEquals(AuditAction.RECOVER, AuditAction.fromWireName("recover"));
        assertEquals(AuditAction.REPLACE_RECOVERY_KEY, AuditAction.fromWireName("replace_recovery_key"));
    }
}
