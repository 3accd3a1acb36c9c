package io.loyaltyloop.system;

import io.loyaltyloop.admin.access.SignedLinks;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The admin's {@link SignedLinks} port, on the same {@link LinkSigner} (and key) as customers' links. */
@Component
class AdminSignedLinks implements SignedLinks {

    private final LinkSigner signer;

    AdminSignedLinks(LinkSigner signer) {
        this.signer = signer;
    }

    @Override
    public String sign(String purpose, String payload, Instant expiresAt) {
        return signer.sign(purpose, payload, expiresAt);
    }

    @Override
    public Optional<String> verify(String purpose, String token, Instant now) {
        return signer.verify(purpose, token, now);
    }
}
