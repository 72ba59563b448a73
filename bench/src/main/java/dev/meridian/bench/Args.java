package dev.meridian.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags: {@code --name value}, {@code --name=value}, bare boolean flags, repeatable
 * flags, and a trailing command after {@code --}.
 */
public final class Args {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> trailing = new ArrayList<>();

    private Args() {
    }

    /**
     * @param booleanFlags flags that take no value
     * @param valueFlags flags that take a value (may be repeated)
     */
    public static Args parse(String[] argv, Set<String> booleanFlags, Set<String> valueFlags) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String token = argv[i];
            if (token.equals("--")) {
                args.trailing.addAll(Arrays.asList(argv).subList(i + 1, argv.length));
                break;
            }
            if (!token.startsWith("--")) {
                throw new UsageException("unexpected argument: " + token);
            }
            String name = token.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleanFlags.contains(name)) {
                args.add(name, value == null ? "true" : value);
            } else if (valueFlags.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                args.add(name, value);
            } else {
                throw new UsageException("unknown flag: --" + name);
            }
        }
        return args;
    }

    private void add(String name, String value) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    public String get(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null ? fallback : all.getLast();
    }

    public String required(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public long longValue(String name, long fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number: " + value);
        }
    }

    public int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    public double doubleValue(String name, double fallback) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number: " + value);
        }
    }

    public List<String> trailing() {
        return trailing;
    }
}
