package io.zagg.config;

import java.util.Optional;

/**
 * The optional {@code bounds} section. zagg validates it but does not use it; it is kept so a
 * pipeline can. Dates are as YAML read them (a string or a date).
 */
public record BoundsSpec(Optional<Temporal> temporal, Optional<Object> spatial) {

    public record Temporal(Object startDate, Object endDate) {
    }
}
