package io.zagg.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.store.DirectoryStore;
import io.zagg.store.JsonText;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zagg inspect STORE [--json]}: what a Zarr v3 directory store holds — its run record,
 * groups, arrays with their layout and the chunk objects stored, a summary of each array's
 * values, and its ragged fields. See {@link StoreInspection}.
 */
@Command(name = "inspect", usageHelpAutoWidth = true,
        description = {"Describes a Zarr v3 store: groups, arrays, chunks written, a summary of the values.",
            "For a store written by zagg, or any Zarr v3 directory store it can read: the run record (or that the run "
                + "has not finished), the groups with their key attributes, each array's data type, shape, chunks, codecs, "
                + "fill value and the number of chunk objects stored, and for each array the elements that hold a number "
                + "other than the fill value (NaN counts as none): how many, their min, max and mean, read chunk by chunk. "
                + "Vector arrays are summarised over all their elements. Ragged (CSR) fields are counted: CSR groups, cells "
                + "with a payload, rows."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:the store was described",
            "1:the store could not be read (broken metadata, a corrupt chunk, an I/O error)",
            "2:usage error: a wrong option, or STORE does not exist or is not a Zarr v3 store (no zarr.json)"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--json", description = "Print the description as one JSON object (keys in a fixed order).")
    private boolean json;

    @Parameters(index = "0", paramLabel = "STORE", description = "The store's directory.")
    private Path store;

    @Override
    public Integer call() throws IOException {
        Path path = store.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new UsageException(path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + " is a file, not a Zarr store directory");
        }
        DirectoryStore directory = DirectoryStore.open(path);
        if (!directory.exists("zarr.json")) {
            throw new UsageException(path + " is not a Zarr v3 store: it has no zarr.json");
        }
        ObjectNode report = StoreInspection.of(StoreReader.open(directory));
        spec.commandLine().getOut().print(json ? JsonText.write(report) + "\n" : InspectText.of(report));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
