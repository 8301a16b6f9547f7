package io.zagg.config;

import java.util.Optional;

/** The {@code output} section: the grid and where the store goes (a run's own store argument overrides it). */
public record OutputSpec(HealpixGridSpec grid, Optional<String> store, Optional<String> endpointUrl, Optional<String> region) {
}
