package org.bangfu.programs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.bank.BankCipher;
import org.bangfu.programs.internal.posts.PostPolicy;
import org.bangfu.programs.internal.posts.PostSheet;
import org.bangfu.programs.internal.posts.PostStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports posts from a sheet (xlsx or CSV) all or nothing: every row is checked like a post
 * registered by hand (the person looked up by ID number in one query for the whole sheet, the
 * register's real name), and only a sheet without a problem is saved, in one batch.
 */
@Service
public class PostImports {

	private final PostStore posts;

	private final BankCipher cipher;

	private final BusinessClock clock;

	private final AuditLog audit;

	private final MessageSource messages;

	PostImports(PostStore posts, BankCipher cipher, BusinessClock clock, AuditLog audit, MessageSource messages) {
		this.posts = posts;
		this.cipher = cipher;
		this.clock = clock;
		this.audit = audit;
		this.messages = messages;
	}

	/** A row's problem in the user's language. */
	public record Problem(long row, String message) {
	}

	/** How many posts were saved (none when there is a problem) and the rows' problems. */
	public record Result(int imported, List<Problem> problems) {
	}

	/** Imports an uploaded sheet, kept in a private temporary file while it is read. */
	@Transactional
	public Result importSheet(Scope scope, java.io.InputStream in, String fileName) throws IOException {
		Path file = java.nio.file.Files.createTempFile("bangfu-posts-", ".upload");
		try {
			java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return importSheet(scope, file, fileName);
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	@Transactional
	public Result importSheet(Scope scope, Path file, String fileName) throws IOException {
		List<PostSheet.Line> lines = PostSheet.read(file, fileName);
		List<Problem> problems = new ArrayList<>();
		List<Object[]> ok = new ArrayList<>();
		for (PostSheet.Line l : lines) {
			if (l.problem() != null) {
				problems.add(problem(l.row(), l.problem()));
				continue;
			}
			try {
				PostPolicy.Checked c = PostPolicy.check(l.post(), clock.today());
				ok.add(new Object[] { l.row(), c, cipher.hash(c.id().value()) });
			}
			catch (BangfuException ex) {
				problems.add(problem(l.row(), ex));
			}
		}
		Set<String> hashes = ok.stream().map(o -> (String) o[2]).collect(Collectors.toSet());
		Map<String, PostStore.Person> found = posts.persons(scope, hashes);
		List<PostStore.NewRow> rows = new ArrayList<>();
		String login = Actor.require().login();
		for (Object[] o : ok) {
			long row = (Long) o[0];
			PostPolicy.Checked c = (PostPolicy.Checked) o[1];
			PostStore.Person person = found.get((String) o[2]);
			if (person == null) {
				problems.add(problem(row, BangfuException.badField("idNumber", "posts.person.notInRegister", c.id().masked())));
			}
			else if (!person.name().equals(c.name())) {
				problems.add(problem(row, BangfuException.badField("name", "posts.person.nameMismatch", c.id().masked())));
			}
			else {
				rows.add(new PostStore.NewRow(person, (String) o[2], c, account(c.bankName(), c.account())));
			}
		}
		if (lines.isEmpty()) {
			problems.add(new Problem(0, text("posts.import.noRows")));
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingLong(Problem::row));
			return new Result(0, problems);
		}
		posts.insertAll(scope.organisationId(), rows, login);
		Map<String, Object> detail = new HashMap<>();
		detail.put("file", fileName == null ? "" : fileName);
		detail.put("posts", rows.size());
		audit.record("post.import", "post", null, detail);
		return new Result(rows.size(), List.of());
	}

	private PostStore.Account account(String bankName, String account) {
		return new PostStore.Account(bankName, org.bangfu.programs.internal.payout.PayoutPolicy.masked(account),
				cipher.hash(account), cipher.encrypt(account));
	}

	private Problem problem(long row, BangfuException ex) {
		return new Problem(row, text(ex.messageKey(), ex.args()));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
