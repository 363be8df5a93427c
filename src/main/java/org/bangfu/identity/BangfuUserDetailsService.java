package org.bangfu.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class BangfuUserDetailsService implements UserDetailsService {

	private final LoginAccounts accounts;

	BangfuUserDetailsService(LoginAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.loadForLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
