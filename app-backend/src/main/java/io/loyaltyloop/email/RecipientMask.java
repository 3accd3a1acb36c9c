package io.loyaltyloop.email;

/**
 * An address as the admin's delivery log shows it: enough to recognise ({@code j***@example.com}),
 * not enough to copy. Anything that is not one address with a local part shows as {@code ***}.
 */
final class RecipientMask {

    private RecipientMask() {}

    static String of(String address) {
        if (address == null) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }
}
