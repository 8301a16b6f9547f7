package io.zagg.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.Aggregations;
import io.zagg.spi.Reducer;
import io.zagg.spi.ReducerProvider;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReducerProviderTest {

    private static final float[] X = {4f, 1f, 9f, 2f, 7f};

    @Test
    void configNamesAProviderReducerFoundByServiceLoader() {
        Aggregation p95 = Aggregations.function("testlib.p95", "h_ph", Map.of());
        assertEquals("h_ph_p95", p95.name());
        assertEquals("testlib.p95", p95.function());
        assertTrue(p95.reducer().isPresent());
        Aggregation scaled = Aggregations.function("testlib.scaled_max", "x", Map.of("factor", 2)).as("twice_max");
        ShardOutput out = OneCell.reduce(X, Aggregations.function("testlib.p95", "x", Map.of()).as("p95"), scaled);
        assertEquals(9f, OneCell.scalar(out, "p95"));
        assertEquals(18f, OneCell.scalar(out, "twice_max"));
        assertTrue(FunctionRegistry.installed().knownNames().containsAll(List.of("testlib.p95", "testlib.scaled_max", "nanmean")));
    }

    @Test
    void unknownNamesListWhatIsKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Aggregations.function("testlib.p99", "h", Map.of()));
        assertTrue(e.getMessage().startsWith("unknown aggregation function 'testlib.p99'; known: count,"), e.getMessage());
        assertTrue(e.getMessage().contains("testlib.p95, testlib.scaled_max"), e.getMessage());
        assertEquals("scaled_max needs a numeric parameter 'factor', not null",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.function("testlib.scaled_max", "h", Map.of())).getMessage());
    }

    @Test
    void brokenProvidersAreReportedAndNeverHideTheOthers() {
        Iterable<ReducerProvider> providers = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 4;
            }

            @Override
            public ReducerProvider next() {
                switch (i++) {
                    case 0:
                        throw new ServiceConfigurationError("com.acme.Broken: Provider could not be instantiated");
                    case 1:
                        return new TestReducerProvider();
                    case 2:
                        return named("testlib");
                    default:
                        return named("np");
                }
            }
        };
        FunctionRegistry registry = new FunctionRegistry(providers);
        assertTrue(registry.knownNames().contains("testlib.p95"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.create("acme.x", Map.of()));
        assertTrue(e.getMessage().contains("a reducer provider failed to load: com.acme.Broken: Provider could not be instantiated"), e.getMessage());
        assertTrue(e.getMessage().contains("both claim namespace 'testlib'; the first is used"), e.getMessage());
        assertTrue(e.getMessage().contains("has namespace 'np'; a namespace must be non-blank and not np or numpy"), e.getMessage());
    }

    private static ReducerProvider named(String namespace) {
        return new ReducerProvider() {
            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Set<String> functions() {
                return Set.of("f");
            }

            @Override
            public Reducer create(String function, Map<String, Object> params) {
                return (cell, out) -> out.set(0);
            }
        };
    }
}
