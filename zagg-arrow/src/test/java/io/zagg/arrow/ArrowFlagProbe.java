package io.zagg.arrow;

import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierUnavailableException;

/** Run in a JVM without {@code --add-opens}: prints what creating the arrow carrier says. */
public final class ArrowFlagProbe {

    private ArrowFlagProbe() {
    }

    public static void main(String[] args) {
        try {
            new ArrowCarrierProvider().create(CarrierContext.of(1 << 20, "probe")).close();
            System.out.println("created");
        } catch (CarrierUnavailableException e) {
            System.out.println(e.getMessage());
        }
    }
}
