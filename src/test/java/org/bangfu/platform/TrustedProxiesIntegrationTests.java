package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * With forward headers on (BANGFU_FORWARD_HEADERS=native), Tomcat believes X-Forwarded-For only
 * from the proxies in BANGFU_TRUSTED_PROXIES, by default this machine alone: a client on a private
 * network cannot choose the address the objection rate limit and the audit log see. (Tomcat's own
 * default trusts every 10.x, 172.16–31.x and 192.168.x address.)
 */
@IntegrationTest
class TrustedProxiesIntegrationTests {

	@Autowired
	Environment environment;

	@Test
	void onlyLoopbackIsTrustedByDefaultNotEveryPrivateAddress() {
		String internal = environment.getProperty("server.tomcat.remoteip.internal-proxies");
		assertThat(internal).as("set explicitly, not Tomcat's private-network default").isNotNull();
		Pattern trusted = Pattern.compile(internal);
		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		for (String address : new String[] { "10.0.0.5", "192.168.1.20", "172.16.0.9", "169.254.1.1", "100.64.0.1",
				"127x0x0x1" }) {
			assertThat(trusted.matcher(address).matches()).as(address).isFalse();
		}
		assertThat(environment.getProperty("server.tomcat.remoteip.trusted-proxies", "")).isEmpty();
	}

}
