/** The web shell: login page, home page with live counts, account page, page error handling. */
package org.bangfu.web;
