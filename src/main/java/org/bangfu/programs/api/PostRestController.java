package org.bangfu.programs.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.CycleView;
import org.bangfu.programs.NewPost;
import org.bangfu.programs.PostEnd;
import org.bangfu.programs.PostFlagPage;
import org.bangfu.programs.PostImports;
import org.bangfu.programs.PostPage;
import org.bangfu.programs.PostQuery;
import org.bangfu.programs.PostSubsidies;
import org.bangfu.programs.PostTier;
import org.bangfu.programs.PostView;
import org.bangfu.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Post subsidies", description = "Real-name post subsidies: the post register, the tiers' monthly amounts, the monthly cycle and the posts it flagged")
class PostRestController {

	private final PostSubsidies posts;

	private final PostImports imports;

	PostRestController(PostSubsidies posts, PostImports imports) {
		this.posts = posts;
		this.imports = imports;
	}

	record TierBody(Integer tier, BigDecimal monthly) {
	}

	record MonthBody(YearMonth month) {
	}

	@GetMapping("/api/v1/posts")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "A page of the post register (name prefix, exact ID number, post, tier, status IN_POST or ENDED); audited")
	PostPage list(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String post, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return posts.page(Actor.require().scope(), new PostQuery(name, idNumber, post, tier, status, page, size));
	}

	@PostMapping("/api/v1/posts")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Registers a post of a member of a household in the register (real name and ID number), with the salary account")
	PostView register(@RequestBody NewPost body) {
		return posts.register(Actor.require().scope(), body);
	}

	@PostMapping(path = "/api/v1/posts/import", consumes = "multipart/form-data")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Imports posts from an xlsx or CSV sheet (header row 身份证号, 姓名, 岗位, 工作地点, 档次, 上岗日期, 离岗日期, 开户银行, 工资账号), all or nothing: 422 with the rows' problems when any row fails")
	org.springframework.http.ResponseEntity<PostImports.Result> importSheet(
			@org.springframework.web.bind.annotation.RequestPart("file") org.springframework.web.multipart.MultipartFile file)
			throws java.io.IOException {
		try (java.io.InputStream in = file.getInputStream()) {
			PostImports.Result result = imports.importSheet(Actor.require().scope(), in, file.getOriginalFilename());
			return org.springframework.http.ResponseEntity
				.status(result.problems().isEmpty() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY)
				.body(result);
		}
	}

	@GetMapping("/api/v1/posts/{id}")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "One post (ID number and account masked); audited")
	PostView post(@PathVariable long id) {
		return posts.post(Actor.require().scope(), id);
	}

	@PostMapping("/api/v1/posts/{id}/end")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "The person leaves the post: paid to the last day in post (pro rata in that month), nothing after")
	PostView end(@PathVariable long id, @RequestBody PostEnd body) {
		return posts.end(Actor.require().scope(), id, body);
	}

	@GetMapping("/api/v1/posts/tiers")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "The tiers' monthly amounts as they apply to the caller's organisation (its own, else the nearest above)")
	List<PostTier> tiers() {
		return posts.tiers(Actor.require().scope());
	}

	@PutMapping("/api/v1/posts/tiers")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Sets a tier's monthly amount (yuan) for the caller's organisation")
	List<PostTier> saveTier(@RequestBody TierBody body) {
		return posts.saveTier(Actor.require().scope(), body.tier(), body.monthly());
	}

	@GetMapping("/api/v1/posts/flags")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "Posts monthly cycles flagged and did not pay (DUPLICATE, NOT_IN_POST, NOT_IN_REGISTER, PAID_ELSEWHERE, NO_AMOUNT); audited")
	PostFlagPage flags(@RequestParam(required = false) Long cycle, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		return posts.flags(Actor.require().scope(), cycle, kind, page, size);
	}

	@PostMapping("/api/v1/posts/months")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Opens the month's cycle of the post-subsidy program (once per organisation and month) and starts its roster's generation")
	CycleView openMonth(@RequestBody MonthBody body) {
		return posts.openMonth(Actor.require().scope(), body == null ? null : body.month());
	}

}
