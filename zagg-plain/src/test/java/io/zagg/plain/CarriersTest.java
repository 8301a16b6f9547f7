package io.zagg.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.Carriers;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierUnavailableException;
import io.zagg.spi.testkit.ObjectBytes;
import io.zagg.spi.testkit.ShardCase;
import io.zagg.spi.testkit.StagePipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Discovery with broken providers on the class path (see this module's test
 * {@code META-INF/services}): a missing class, a failing constructor, a bad name, a duplicate
 * name, and a provider that loads but cannot start. None of them breaks PLAIN.
 */
class CarriersTest {

    private static final CarrierContext CONTEXT = CarrierContext.of(1L << 28, "test-shard");

    @Test
    void everyProviderThatLoadsIsListedByName() {
        assertEquals(List.of("plain", "unstartable"), Carriers.names());
    }

    @Test
    void everyProviderThatFailsIsReportedWithItsClassAndCause() {
        assertEquals(List.of(
                "Provider io.zagg.plain.NoSuchCarrierProvider not found",
                "io.zagg.plain.BrokenCarrierProvider: Provider io.zagg.plain.BrokenCarrierProvider could not be instantiated"
                        + " (caused by java.lang.IllegalStateException: native library libbroken.so not found)",
                "io.zagg.plain.BadlyNamedCarrierProvider: name 'Bad Name' is not lower case [a-z][a-z0-9_-]*",
                "io.zagg.plain.SecondUnstartableCarrierProvider: name 'unstartable' is taken by"
                        + " io.zagg.plain.UnstartableCarrierProvider, which is used"),
                Carriers.problems());
    }

    @Test
    void plainStillWorksBesideTheBrokenProviders() {
        ShardCase shard = ShardCase.realistic(2, 300, 2, 16, 11);
        try (Carrier carrier = Carriers.PLAIN.create(CONTEXT)) {
            assertEquals("plain", carrier.name());
            ObjectBytes.assertSame("the reference", StagePipeline.reference(shard), "plain", StagePipeline.run(carrier, shard));
        }
    }

    @Test
    void namesAreCaseInsensitive() {
        assertInstanceOf(PlainCarrierProvider.class, Carriers.named(" PLAIN "));
        assertSame(Carriers.named("plain"), Carriers.named("Plain"));
    }

    @Test
    void anUnknownNameListsTheNamesFoundAndTheFailures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Carriers.named("duckdb"));
        assertEquals("carrier 'duckdb' is not one of [plain, unstartable] found by ServiceLoader; providers that failed to load: "
                + Carriers.problems(), e.getMessage());
    }

    @Test
    void arrowWithoutItsModuleSaysWhichArtifactToAdd() {
        CarrierUnavailableException e = assertThrows(CarrierUnavailableException.class, () -> Carriers.ARROW.create(CONTEXT));
        assertEquals("carrier 'arrow' is not one of [plain, unstartable] found by ServiceLoader; providers that failed to load: "
                + Carriers.problems() + " (add io.zagg:zagg-arrow to the class path or module path)", e.getMessage());
    }

    @Test
    void aProviderThatCannotStartSaysSoWhenCreated() {
        CarrierUnavailableException e = assertThrows(CarrierUnavailableException.class,
                () -> Carriers.named("unstartable").create(CONTEXT));
        assertEquals(UnstartableCarrierProvider.MESSAGE, e.getMessage());
    }
}
