package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.ProgramStore;
import org.bangfu.programs.internal.bank.BankCipher;
import org.bangfu.programs.internal.payout.PayoutPolicy;
import org.bangfu.programs.internal.posts.PostFlagStore;
import org.bangfu.programs.internal.posts.PostPolicy;
import org.bangfu.programs.internal.posts.PostRosters;
import org.bangfu.programs.internal.posts.PostStore;
import org.bangfu.programs.internal.posts.PostTierStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-name post subsidies (以岗定补, 在岗享受, 离岗取消): the post register (a person of the
 * register by real name and ID number, the post, the place and its hardship tier, from/to, the
 * salary account), the tiers' monthly amounts per organisation, and the monthly cycle of the
 * program {@code post-subsidy}, whose roster is generated from the register ({@code PostRosters}):
 * reviewed, approved with four eyes and paid as a bank file like any roster. Posts the cycle does
 * not pay are listed as flags. Everything within the caller's organisation subtree; views audited.
 */
@Service
public class PostSubsidies {

	private final PostStore posts;

	private final PostTierStore tiers;

	private final PostFlagStore flags;

	private final ProgramStore programs;

	private final Rosters rosters;

	private final BankCipher cipher;

	private final BusinessClock clock;

	private final AuditLog audit;

	PostSubsidies(PostStore posts, PostTierStore tiers, PostFlagStore flags, ProgramStore programs, Rosters rosters,
			BankCipher cipher, BusinessClock clock, AuditLog audit) {
		this.posts = posts;
		this.tiers = tiers;
		this.flags = flags;
		this.programs = programs;
		this.rosters = rosters;
		this.cipher = cipher;
		this.clock = clock;
		this.audit = audit;
	}

	/** Registers a post of a person found in the register by ID number; the name must be the register's. */
	@Transactional
	public PostView register(Scope scope, NewPost cmd) {
		PostPolicy.Checked c = PostPolicy.check(cmd, clock.today());
		String hash = cipher.hash(c.id().value());
		PostStore.Person person = posts.person(scope, hash)
			.orElseThrow(() -> BangfuException.badField("idNumber", "posts.person.notInRegister", c.id().masked()));
		if (!person.name().equals(c.name())) {
			throw BangfuException.badField("name", "posts.person.nameMismatch", c.id().masked());
		}
		long postId = posts.insert(scope.organisationId(), person, hash, c.postName(), c.place(), c.tier(), c.from(), c.to(),
				new PostStore.Account(c.bankName(), PayoutPolicy.masked(c.account()), cipher.hash(c.account()),
						cipher.encrypt(c.account())),
				Actor.require().login());
		audit.record("post.register", "post", postId, Map.of("post", c.postName(), "tier", c.tier(), "from", c.from().toString(),
				"idNumber", person.idNumberMasked()));
		return posts.find(scope, postId).orElseThrow();
	}

	/** The person leaves the post: paid up to and including the last day, nothing after. */
	@Transactional
	public PostView end(Scope scope, long postId, PostEnd cmd) {
		PostView post = require(scope, postId);
		if (post.ended()) {
			throw new BangfuException(Problem.CONFLICT, "posts.end.already", post.to());
		}
		if (cmd.lastDay() == null) {
			throw BangfuException.badField("lastDay", "posts.end.lastDay.required");
		}
		if (cmd.lastDay().isBefore(post.from())) {
			throw BangfuException.badField("lastDay", "posts.to.beforeFrom", post.from());
		}
		String reason = PostPolicy.text("reason", cmd.reason(), 200);
		if (posts.end(postId, cmd.version(), cmd.lastDay(), reason, Actor.require().login()) == 0) {
			throw new BangfuException(Problem.CONFLICT, "posts.changed");
		}
		audit.record("post.end", "post", postId, Map.of("lastDay", cmd.lastDay().toString(), "reason", reason));
		return posts.find(scope, postId).orElseThrow();
	}

	/** One post; the view is audited. */
	@Transactional
	public PostView post(Scope scope, long postId) {
		PostView post = require(scope, postId);
		audit.record("post.view", "post", postId, Map.of());
		return post;
	}

	/** A page of the register; the view is audited with its filters. */
	@Transactional
	public PostPage page(Scope scope, PostQuery q) {
		String hash = null;
		if (q.idNumber() != null && !q.idNumber().isBlank()) {
			hash = cipher.hash(IdNumber.parse("idNumber", q.idNumber(), clock.today()).value());
		}
		int size = q.sizeOrDefault();
		PostStore.Page page = posts.page(scope, q.name(), hash, q.post(), q.tier(), q.status(), clock.today(),
				(q.pageOrFirst() - 1) * size, size);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("page", q.pageOrFirst());
		detail.put("rows", page.rows().size());
		detail.put("byIdNumber", hash != null);
		audit.record("post.list.view", "post", null, detail);
		return new PostPage(page.rows(), page.total(), q.pageOrFirst(), size);
	}

	/** How many posts of the scope overlap another post of the same ID number (anywhere). */
	public long overlapping(Scope scope) {
		return posts.overlapping(scope);
	}

	/** The tiers' monthly amounts as they apply to the caller's organisation. */
	public List<PostTier> tiers(Scope scope) {
		return tiers.effective(scope);
	}

	/** Sets the monthly amount of a tier for the caller's organisation (and the organisations below it without their own). */
	@Transactional
	public List<PostTier> saveTier(Scope scope, Integer tier, BigDecimal monthly) {
		int t = PostPolicy.tier(tier);
		long fen = PostPolicy.monthlyFen(monthly);
		tiers.save(scope.organisationId(), t, fen, Actor.require().login());
		audit.record("post.tier.save", "organisation", scope.organisationId(), Map.of("tier", t, "monthlyFen", fen));
		return tiers.effective(scope);
	}

	/** A page of the posts monthly cycles flagged and did not pay (a cycle and a kind optional); audited. */
	@Transactional
	public PostFlagPage flags(Scope scope, Long cycleId, String kind, int page, int size) {
		int s = Math.max(10, Math.min(100, size));
		int p = Math.max(1, page);
		String k = kind == null || kind.isBlank() ? null : kind;
		List<PostFlag> rows = flags.page(scope, cycleId, k, (p - 1) * s, s);
		audit.record("post.flags.view", "post", null, Map.of("page", p, "rows", rows.size()));
		return new PostFlagPage(rows, flags.count(scope, cycleId, k), p, s);
	}

	/**
	 * Opens the month's cycle of the post-subsidy program for the caller's organisation (period key
	 * {@code posts-YYYY-MM-o<organisation>}, once) and starts its roster's generation.
	 */
	@Transactional
	public CycleView openMonth(Scope scope, YearMonth month) {
		if (month == null) {
			throw BangfuException.badField("month", "posts.month.required");
		}
		ProgramView program = programs.active(PostRosters.PROGRAM)
			.orElseThrow(() -> new BangfuException(Problem.CONFLICT, "posts.program.notActive", PostRosters.PROGRAM));
		CycleView cycle = rosters.open(scope, new NewCycle(program.id(), program.content().nameZh() + " " + month,
				"posts-" + month + "-o" + scope.organisationId(), month.atDay(1), month.atEndOfMonth(), month.atEndOfMonth()));
		rosters.generate(scope, cycle.id());
		return rosters.cycle(scope, cycle.id());
	}

	private PostView require(Scope scope, long postId) {
		return posts.find(scope, postId).orElseThrow(() -> BangfuException.notFound("posts.post.notFound", postId));
	}

}
