package io.zagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.grid.Healpix;
import io.zagg.grid.MortonWord;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Runs {@code zagg index} in-process on a given standard input. */
class IndexCommandTest {

    @Test
    void workedExamplesAtOrder29() {
        CliRun r = CliRun.zaggWithInput("38.89,-76.56\n", "index", "--order", "29");
        assertEquals(new CliRun(0, "1048619393221740567,5347399077493809253\n", "zagg index: 0 of 1 points invalid\n"), r);
    }

    @Test
    void shardOrderAndWordsAboveTwoToThe63() {
        // healpy ang2pix(2**11, 120, -80, nest=True, lonlat=True) = 37898507, base cell 9: word 0xA09242C00000000B
        CliRun r = CliRun.zaggWithInput("38.89,-76.56\n-80.0, 120.0\n", "index", "--order", "11");
        assertEquals(new CliRun(0, "15259420,5347398935386259467\n37898507,11570383785069379595\n",
                "zagg index: 0 of 2 points invalid\n"), r);
        assertEquals("37010,11570310392668225542\n", CliRun.zaggWithInput("-80,120\n", "index", "--order", "6").out());
    }

    @Test
    void invalidPointsAndUnreadableLinesPrintAnEmptyPairInPlace() {
        String in = String.join("\n",
                "lat,lon", "38.89,-76.56", "91,0", "NaN,0", "", "1,2,3", "abc,1", "1d,2", "0,Infinity", " 38.89 , -76.56 ",
                "-90,0") + "\n";
        CliRun r = CliRun.zaggWithInput(in, "index", "--order", "11");
        String serc = "15259420,5347398935386259467";
        String pole = "33554432,10376293541461622795";
        assertEquals(String.join("\n", ",", serc, ",", ",", ",", ",", ",", ",", ",", serc, pole) + "\n", r.out());
        assertEquals("zagg index: 8 of 11 points invalid\n", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void lastLineWithoutNewlineAndCrLfLines() {
        assertEquals("15259420,5347398935386259467\n15259420,5347398935386259467\n",
                CliRun.zaggWithInput("38.89,-76.56\r\n38.89,-76.56", "index", "--order", "11").out());
    }

    @Test
    void emptyInput() {
        assertEquals(new CliRun(0, "", "zagg index: 0 of 0 points invalid\n"), CliRun.zaggWithInput("", "index", "--order", "3"));
    }

    @Test
    void manyLinesAcrossBatchesStayInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double lat = random.nextDouble(-90, 90);
            double lon = random.nextDouble(-180, 180);
            if (i % 1000 == 7) {
                in.append("95,").append(lon).append('\n');
                expected.append(",\n");
                continue;
            }
            in.append(lat).append(',').append(lon).append('\n');
            long nested = Healpix.nested(17, lat, lon);
            expected.append(nested).append(',').append(MortonWord.toString(MortonWord.fromNested(nested, 17))).append('\n');
        }
        CliRun r = CliRun.zaggWithInput(in.toString(), "index", "--order", "17");
        assertEquals(expected.toString(), r.out());
        assertEquals("zagg index: 20 of 20000 points invalid\n", r.err());
    }

    @Test
    void orderIsRequiredAndChecked() {
        CliRun missing = CliRun.zaggWithInput("", "index");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("Missing required option: '--order=N'"), missing.err());
        assertEquals("", missing.out());

        CliRun outside = CliRun.zaggWithInput("", "index", "--order", "30");
        assertEquals(2, outside.status());
        assertTrue(outside.err().startsWith("Invalid value for option '--order': 30 is outside 0..29"), outside.err());

        CliRun notANumber = CliRun.zaggWithInput("", "index", "--order", "x");
        assertEquals(2, notANumber.status());
        assertTrue(notANumber.err().startsWith("Invalid value for option '--order': 'x' is not an int"), notANumber.err());
    }

    @Test
    void subcommandIsRequiredAndHelpWorks() {
        CliRun none = CliRun.zaggWithInput("");
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("Missing required subcommand"), none.err());
        assertTrue(none.err().contains("index"), "the usage lists the subcommands");

        CliRun help = CliRun.zaggWithInput("", "index", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: zagg index [-h] [--verbose] --order=N"), help.out());
    }
}
