package org.bangfu.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class BangfuUserDetailsService implements UserDetailsService {

	private final Users users;

	BangfuUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.loadForLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
