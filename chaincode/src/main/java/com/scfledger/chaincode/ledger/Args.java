package com.scfledger.chaincode.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.scfledger.contract.Amounts;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.ledger.LedgerSettings;

/**
 * Validation of transaction arguments. Every argument arrives as a string so that malformed input is refused with
 * a stable INVALID_ARGUMENT code here rather than by the Contract API's generic conversion error.
 */
public final class Args {

    /** Ids appear inside ledger keys separated by ':' and '~', so they are kept to an alphabet without either. */
    private static final int MAX_LIST = 16;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern PAYMENT_REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Args() {
    }

    public static String id(final String name, final String value) {
        return matching(name, value, ID, "1-128 characters of [A-Za-z0-9._-]");
    }

    /** An IANA region id, spelled as the time-zone database spells it; offsets and unknown names are refused. */
    public static String businessZone(final String name, final String value) {
        if (!LedgerSettings.isBusinessZone(value)) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be an IANA time zone such as "
                    + "Asia/Shanghai, not an offset");
        }
        return value;
    }

    public static String requestId(final String value) {
        return matching("requestId", value, REQUEST_ID, "1-128 characters of [A-Za-z0-9._-]");
    }

    public static String recordType(final String name, final String value) {
        return matching(name, value, RECORD_TYPE, "an upper-case word of [A-Z0-9_], at most 32 characters");
    }

    public static String mspId(final String name, final String value) {
        return matching(name, value, MSP_ID, "1-64 characters of [A-Za-z0-9.-]");
    }

    public static String currency(final String name, final String value) {
        return matching(name, value, CURRENCY, "an ISO 4217 code of three upper-case letters");
    }

    public static String sha256(final String name, final String value) {
        return matching(name, value, SHA256, "a SHA-256 digest as 64 lower-case hex digits");
    }

    /** Comma-separated SHA-256 digests, none repeated, at most 16; empty for none. Kept in the given order. */
    public static List<String> sha256List(final String name, final String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> digests = List.of(value.split(",", -1));
        if (digests.size() > MAX_LIST || digests.stream().distinct().count() != digests.size()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must list at most " + MAX_LIST
                    + " distinct digests");
        }
        digests.forEach(d -> sha256(name, d));
        return digests;
    }

    public static String paymentReference(final String name, final String value) {
        return matching(name, value, PAYMENT_REFERENCE, "1-128 characters of [A-Za-z0-9._:/-]");
    }

    /** A positive amount in minor units, written as decimal digits. */
    public static long positiveAmount(final String name, final String value) {
        long amount = amountWithinCeiling(name, value);
        if (amount <= 0) {
            throw ScfException.of(ErrorCode.INVALID_AMOUNT, name + " must be positive, was " + amount);
        }
        return amount;
    }

    /** A non-negative amount of minor units no larger than the ledger's ceiling, {@link Amounts#MAX_MINOR}. */
    public static long amountWithinCeiling(final String name, final String value) {
        long amount = nonNegativeLong(name, value, ErrorCode.INVALID_AMOUNT);
        if (!Amounts.withinCeiling(amount)) {
            throw ScfException.of(ErrorCode.INVALID_AMOUNT, name + " must be at most " + Amounts.MAX_MINOR
                    + " minor units, was " + amount);
        }
        return amount;
    }

    public static int intInRange(final String name, final String value, final int min, final int max) {
        long parsed = nonNegativeLong(name, value, ErrorCode.INVALID_ARGUMENT);
        if (parsed < min || parsed > max) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be between " + min + " and " + max);
        }
        return (int) parsed;
    }

    public static long longAtLeast(final String name, final String value, final long min) {
        long parsed = nonNegativeLong(name, value, ErrorCode.INVALID_ARGUMENT);
        if (parsed < min) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be at least " + min);
        }
        return parsed;
    }

    public static LocalDate date(final String name, final String value) {
        if (value == null || !ISO_DATE.matcher(value).matches()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be an ISO-8601 date (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " is not a calendar date: " + value);
        }
    }

    /** An opaque paging bookmark: empty for the first page, otherwise what the previous page returned. */
    public static String bookmark(final String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > 1024) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, "bookmark is longer than 1024 characters");
        }
        return value;
    }

    private static long nonNegativeLong(final String name, final String value, final ErrorCode tooLarge) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name
                    + " must be a whole number written in decimal digits");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ScfException.of(tooLarge, name + " is too large: " + value);
        }
    }

    private static String matching(final String name, final String value, final Pattern pattern, final String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be " + rule);
        }
        return value;
    }

    /** One of an enum's constant names, spelled exactly. */
    public static <E extends Enum<E>> E enumValue(final String name, final String value, final Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must be one of "
                + Arrays.toString(type.getEnumConstants()));
    }
}
