package org.bangfu.crosscheck;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.identification.Places;
import org.bangfu.identity.BangfuUser;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Files generated families in a fresh county (and the outsider in another) and imports extracts as a user would. */
@Component
public class CrossCheckWorld {

	final Places places;

	final Fixtures fixtures;

	final HouseholdRegistry registry;

	final Extracts extracts;

	CrossCheckWorld(Places places, Fixtures fixtures, HouseholdRegistry registry, Extracts extracts) {
		this.places = places;
		this.fixtures = fixtures;
		this.registry = registry;
		this.extracts = extracts;
	}

	/** A county with a caseworker/reviewer, the families filed there, the outsider filed in another county. */
	record World(Places.Place place, Actor worker, Actor outsiderWorker, PlantedExtracts data, Map<String, Long> households) {
	}

	World world(int seed) {
		PlantedExtracts data = new PlantedExtracts(seed);
		Places.Place place = places.county("比对" + seed);
		Places.Place other = places.county("比对外" + seed);
		Actor worker = actor(place, Role.CASEWORKER, Role.REVIEWER);
		Actor outsiderWorker = actor(other, Role.CASEWORKER, Role.REVIEWER);
		Map<String, Long> households = new HashMap<>();
		for (PlantedExtracts.Family f : data.families) {
			HouseholdData h = new HouseholdData(Households.fileNo(), place.township(), "测试地址", null,
					HardshipCause.UNEMPLOYMENT, List.of(), f.dibao() ? List.of(Category.DIBAO) : List.of(Category.HARDSHIP_WORKER),
					f.housing(), null, null, f.vehicles(), BigDecimal.ZERO, f.business(), null, null, null);
			HouseholdView v = registry.file(place.scope(), new FileHousehold(null, h, member(f.head())));
			registry.addMember(place.scope(), v.id(), new AddMember(member(f.spouse())));
			households.put(f.label(), v.id());
		}
		registry.file(other.scope(), new FileHousehold(null, new HouseholdData(Households.fileNo(), other.township(), "外地",
				null, HardshipCause.UNEMPLOYMENT, List.of(), List.of(Category.HARDSHIP_WORKER), null, null, null, 0,
				BigDecimal.ZERO, null, null, null, null), member(data.outsider)));
		return new World(place, worker, outsiderWorker, data, households);
	}

	/** Imports one kind's generated file (in the given encoding) as the actor. */
	ExtractView importKind(World w, Actor actor, ExtractKind kind, Charset charset, int retentionDays) {
		return as(actor, () -> {
			try {
				Path file = Files.createTempFile("extract", ".csv");
				try {
					Files.writeString(file, w.data().csv().get(kind), charset);
					return extracts.importFile(actor, new Extracts.NewExtract(kind, "测试来源", java.time.LocalDate.of(2026, 11, 30),
							retentionDays), file, kind.name().toLowerCase() + ".csv");
				}
				finally {
					Files.deleteIfExists(file);
				}
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	static MemberData member(PlantedExtracts.Person p) {
		return new MemberData(p.name(), p.id(), p.head() ? Relation.HEAD : Relation.SPOUSE, "汉族", null, null,
				Employment.LAID_OFF, null, null, new BigDecimal(p.wage()), null, null, null, new BigDecimal(p.pension()),
				null, null, null, null, null, null, null, List.of());
	}

	Actor actor(Places.Place place, Role... roles) {
		String login = fixtures.user(place.organisation().id(), roles);
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, place.organisation().id(),
				place.organisation().path(), place.organisation().name(), EnumSet.copyOf(List.of(roles)), "", true, null);
	}

	static <T> T as(Actor actor, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

}
