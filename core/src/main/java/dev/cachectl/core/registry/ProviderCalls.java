package dev.cachectl.core.registry;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one failure boundary every SPI call runs through, as JUnit's launcher runs an engine: whatever the call
 * throws is caught and turned into a {@link Failure}, except the errors the JVM cannot recover from
 * ({@link VirtualMachineError}s such as {@link OutOfMemoryError}), which are rethrown. A
 * {@link StackOverflowError} is the exception to that exception: its stack has unwound by the time it is
 * caught, so a provider that recurses is contained like one that throws.
 *
 * <p>A plugin's call runs on a shared pool of daemon threads and is given up after its deadline: the thread is
 * abandoned (it cannot be stopped, and as a daemon it does not keep the JVM alive) and the caller goes on. A
 * built-in provider's call runs on the caller's thread: it ships with cachectl and is tested with it.
 */
final class ProviderCalls {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("cachectl-provider-", 1).factory());

    private ProviderCalls() {
    }

    /** Why a call gave no usable answer. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean timedOut;

        Failure(String message, Throwable cause, boolean timedOut) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        /** Whether the call did not return within its deadline. */
        boolean timedOut() {
            return timedOut;
        }
    }

    /**
     * Runs {@code call}: on the calling thread when {@code deadline} is null, else on the pool, waiting at most
     * the deadline.
     *
     * @throws Failure when the call threw, broke the contract (a {@link ContractViolation}) or timed out
     */
    static <T> T run(Callable<T> call, ProviderDeadline deadline) throws Failure {
        if (deadline == null) {
            try {
                return call.call();
            } catch (Throwable t) {
                throw contain(t);
            }
        }
        Future<T> future = POOL.submit(call);
        try {
            return future.get(deadline.duration().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw contain(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure("did not return within " + deadline.display() + " (the deadline set by "
                    + ProviderDeadline.VARIABLE + ", default " + ProviderDeadline.DEFAULT_SECONDS + "s)", null, true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("was interrupted", e, false);
        }
    }

    private static Failure contain(Throwable t) {
        if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
            throw fatal;
        }
        if (t instanceof ContractViolation violation) {
            return new Failure("broke the SPI contract: " + violation.getMessage(), violation, false);
        }
        return new Failure(ProviderCallException.describe(t), t, false);
    }

    /** A provider's answer that the SPI forbids; thrown by the checks that run inside the boundary. */
    static final class ContractViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ContractViolation(String message) {
            super(message);
        }
    }
}
