package org.bangfu.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database went away" (the job is run again) and which do not. */
class DatabaseOutageTests {

	@Test
	void noConnectionOrABrokenOneIsAnOutage() {
		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("none"))).isTrue();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("terminating", "57P01")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
	}

	@Test
	void aRollbackThatFailedOnTheConnectionIsAnOutage() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
		assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
	}

	@Test
	void wrongWorkIsNotAnOutage() {
		assertThat(DatabaseOutage.causedBy(new IllegalArgumentException("bad payload"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
	}

}
