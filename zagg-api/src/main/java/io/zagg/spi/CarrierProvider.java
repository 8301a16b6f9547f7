package io.zagg.spi;

/**
 * Makes {@link Carrier}s; found by {@link java.util.ServiceLoader}.
 *
 * <p>Register an implementation both ways so that it is found on the class path and on the
 * module path:
 * <pre>{@code
 * // META-INF/services/io.zagg.spi.CarrierProvider
 * com.example.MyCarrierProvider
 *
 * // module-info.java
 * module com.example.carrier {
 *     requires io.zagg;
 *     provides io.zagg.spi.CarrierProvider with com.example.MyCarrierProvider;
 * }
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 * <ol>
 *   <li>{@code io.zagg.Carriers} instantiates every registered provider once, through its public
 *       no-argument constructor. The constructor must be cheap and must not touch optional
 *       dependencies: a provider that throws there is reported (with its class name and the
 *       cause) and left out, and the other carriers keep working.</li>
 *   <li>{@link #name()} is read once; it must be constant, lower case, and unique among the
 *       providers on the path ({@code [a-z][a-z0-9_-]*}). Users select the carrier by it
 *       ({@code Carriers.named("arrow")}, {@code --carrier arrow}).</li>
 *   <li>{@link #create(CarrierContext)} is called once per shard, possibly from several
 *       threads at once for different shards, so it must be thread-safe. It returns a new,
 *       open carrier that belongs to the caller, who closes it when the shard is done. If the
 *       carrier cannot work in this JVM it throws {@link CarrierUnavailableException} whose
 *       message names the fix (a JVM flag, a missing jar) — eagerly, before any shard data is
 *       handed over.</li>
 * </ol>
 */
public interface CarrierProvider {

    /** The carrier's name, e.g. {@code "plain"}, {@code "arrow"}. */
    String name();

    /**
     * A new carrier for one shard.
     *
     * @throws CarrierUnavailableException if the carrier cannot run in this JVM; the message says
     *                                     what to change
     */
    Carrier create(CarrierContext context);
}
