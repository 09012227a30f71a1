package lab.server.behavior;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code 250ms}, {@code 2s}, {@code 1m} for a picocli option: the lab's one duration syntax
 * ({@link Durations}), for lab-server's flags and lab-client's alike, reported like picocli's own errors.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
