package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressUnitTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress none = ClientAddress.trusting(List.of());
        assertThat(none.resolve("192.0.2.1", List.of("10.9.9.9"))).isEqualTo("192.0.2.1");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress proxied = ClientAddress.trusting(List.of("127.0.0.1", " 10.0.0.2 "));
        assertThat(proxied.resolve("127.0.0.1", List.of("6.6.6.6, 203.0.113.5, 10.0.0.2"))).isEqualTo("203.0.113.5");
        assertThat(proxied.resolve("127.0.0.1", List.of("6.6.6.6", "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxied.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxied.resolve("192.0.2.1", List.of("203.0.113.5"))).isEqualTo("192.0.2.1");
        assertThat(proxied.resolve("127.0.0.1", List.of("10.0.0.2"))).isEqualTo("10.0.0.2");
    }
}
