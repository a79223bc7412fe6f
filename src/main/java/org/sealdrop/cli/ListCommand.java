package org.sealdrop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealdrop.app.DocumentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop list}: the documents of the index with their decrypted names. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List documents: id, name, size in bytes, added (UTC) and status.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of tab-separated lines.")
    boolean json;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<DocumentSummary> documents;
        int interrupted;
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr())) {
            documents = session.documents().list();
            interrupted = session.documents().pendingUploads().size();
        }
        if (interrupted > 0) {
            // An interrupted upload has no row until it finishes, so point the user to the command that finishes it.
            spec.commandLine().getErr().println("sealdrop: " + interrupted + (interrupted == 1 ? " upload was" : " uploads were")
                    + " interrupted on this computer and " + (interrupted == 1 ? "is" : "are")
                    + " not listed yet; run `sealdrop upload --resume` to finish them.");
        }
        if (documents.isEmpty()) {
            spec.commandLine().getErr().println("sealdrop: this computer's index lists no documents; run `sealdrop index sync`"
                    + " to fetch those other computers uploaded, or `sealdrop index rebuild` if the index was lost.");
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (DocumentSummary document : documents) {
                ObjectNode node = array.addObject();
                node.put("id", document.id().toString());
                node.put("name", document.name());
                node.put("size", document.size());
                node.put("added", document.addedAt().toString());
                node.put("status", document.status());
                node.put("mediaType", document.mediaType());
                node.put("patientReference", document.patientReference());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            for (DocumentSummary document : documents) {
                out.println(document.id() + "\t" + document.name() + "\t" + document.size() + "\t"
                        + document.addedAt() + "\t" + document.status());
            }
        }
        return 0;
    }
}
