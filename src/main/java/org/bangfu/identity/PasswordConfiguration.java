package org.bangfu.identity;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hashing, needed by the web application and by commands alike: bcrypt with the
 * work factor {@code bangfu.security.bcrypt-strength} (default 10) for new hashes; hashes of
 * any other known encoding or strength still match.
 */
@Configuration
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(@Value("${bangfu.security.bcrypt-strength:10}") int strength) {
		DelegatingPasswordEncoder all = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
		encoder.setDefaultPasswordEncoderForMatches(all);
		return encoder;
	}

}
