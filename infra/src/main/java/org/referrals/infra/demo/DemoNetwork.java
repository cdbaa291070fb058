package org.referrals.infra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;

/** The invented partners and people of the demo: Moroccan regions, the kinds of partner a network has, plausible names. */
final class DemoNetwork {

    static final List<String> REGIONS = List.of("Rabat-Salé-Kénitra", "Casablanca-Settat", "Oriental", "Fès-Meknès",
            "Tanger-Tétouan-Al Hoceïma", "Souss-Massa", "Marrakech-Safi", "Béni Mellal-Khénifra");
    private static final List<String> TOWNS = List.of("Rabat", "Casablanca", "Oujda", "Fès", "Tanger", "Agadir", "Marrakech",
            "Béni Mellal");

    /** Per kind: the name patterns and the services such a partner offers. */
    private static final Map<PartnerKind, List<String>> NAMES = Map.of(
            PartnerKind.NGO, List.of("Association Al Amal", "Caritas", "Association Tiwizi", "Fondation Orient-Occident", "Association Chabaka"),
            PartnerKind.GOVERNMENT, List.of("Délégation de l'Entraide nationale", "Bureau de l'état civil", "Délégation de la Santé"),
            PartnerKind.UN_AGENCY, List.of("OIM", "UNICEF", "HCR"),
            PartnerKind.HEALTH_FACILITY, List.of("Clinique Ibn Rochd", "Centre de santé Al Massira", "Hôpital Al Farabi"),
            PartnerKind.EDUCATION_TRAINING, List.of("Centre OFPPT", "École de la deuxième chance", "Institut de formation Al Ikhlas"),
            PartnerKind.PRIVATE_SECTOR, List.of("Coopérative Argane", "Atelier textile Nour", "Groupe hôtelier Atlas"));
    private static final Map<PartnerKind, List<ServiceCategory>> SERVICES = Map.of(
            PartnerKind.NGO, List.of(ServiceCategory.COUNSELLING, ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL,
                                     ServiceCategory.SHELTER_HOUSING, ServiceCategory.FOOD_NUTRITION,
                                     ServiceCategory.FAMILY_TRACING, ServiceCategory.LEGAL_AID),
            PartnerKind.GOVERNMENT, List.of(ServiceCategory.CIVIL_DOCUMENTATION, ServiceCategory.CHILD_PROTECTION,
                                            ServiceCategory.CASH_ASSISTANCE),
            PartnerKind.UN_AGENCY, List.of(ServiceCategory.CASH_ASSISTANCE, ServiceCategory.FAMILY_TRACING,
                                           ServiceCategory.LEGAL_AID, ServiceCategory.BUSINESS_START_UP),
            PartnerKind.HEALTH_FACILITY, List.of(ServiceCategory.HEALTH_CARE, ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL),
            PartnerKind.EDUCATION_TRAINING, List.of(ServiceCategory.EDUCATION, ServiceCategory.VOCATIONAL_TRAINING),
            PartnerKind.PRIVATE_SECTOR, List.of(ServiceCategory.EMPLOYMENT_JOB_PLACEMENT, ServiceCategory.BUSINESS_START_UP,
                                                ServiceCategory.VOCATIONAL_TRAINING));
    /** How many partners of each kind, 40 in all. */
    private static final Map<PartnerKind, Integer> COUNTS = Map.of(PartnerKind.NGO, 14, PartnerKind.GOVERNMENT, 6,
            PartnerKind.UN_AGENCY, 4, PartnerKind.HEALTH_FACILITY, 7, PartnerKind.EDUCATION_TRAINING, 5,
            PartnerKind.PRIVATE_SECTOR, 4);

    private static final List<String> GIVEN_FEMALE = List.of("Aminata", "Fatou", "Mariama", "Awa", "Khadija", "Grace",
            "Fatima", "Aissatou", "Blessing", "Nadia", "Salimata", "Hawa");
    private static final List<String> GIVEN_MALE = List.of("Moussa", "Ibrahima", "Mamadou", "Ousmane", "Youssef", "Samuel",
            "Abdoulaye", "Lamine", "Karim", "Emmanuel", "Souleymane", "Omar");
    private static final List<String> FAMILY = List.of("Diallo", "Traoré", "Camara", "Keita", "Ndiaye", "Coulibaly", "Bamba",
            "Sow", "Okafor", "Touré", "El Amrani", "Benali", "Mbaye", "Kouyaté", "Sylla", "Fofana");
    /** Nationality and the languages that go with it. */
    private static final Map<String, List<String>> NATIONALITIES = Map.of("SN", List.of("wo", "fr"), "ML", List.of("bm", "fr"),
            "GN", List.of("ff", "fr"), "CI", List.of("fr"), "CM", List.of("fr", "en"), "NG", List.of("en"),
            "MA", List.of("ar", "fr"), "CD", List.of("fr", "ln"));

    private DemoNetwork() {
    }

    /** {@code scale} times the 40 partners of the demo, in the same proportions of kinds. */
    static List<RegisterPartner> partners(Random random, int scale) {
        List<RegisterPartner> partners = new ArrayList<>();
        for (PartnerKind kind : PartnerKind.values()) {
            for (int i = 1; i <= COUNTS.getOrDefault(kind, 0) * scale; i++) {
                int home = random.nextInt(REGIONS.size());
                List<String> regions = new ArrayList<>(List.of(REGIONS.get(home)));
                if (random.nextInt(3) == 0) {
                    regions.add(REGIONS.get((home + 1 + random.nextInt(REGIONS.size() - 1)) % REGIONS.size()));
                }
                List<ServiceCategory> offered = new ArrayList<>(SERVICES.get(kind));
                java.util.Collections.shuffle(offered, random);
                List<ServiceOffer> services = offered.subList(0, Math.min(offered.size(), 1 + random.nextInt(3))).stream()
                        .map(category -> new ServiceOffer(category, random.nextInt(6) == 0 ? null : 5 + random.nextInt(30), null))
                        .toList();
                String id = "%s-%02d".formatted(kind.name().toLowerCase().replace('_', '-'), i);
                String name = NAMES.get(kind).get(random.nextInt(NAMES.get(kind).size())) + " " + TOWNS.get(home);
                List<String> languages = random.nextBoolean() ? List.of("fr", "ar") : List.of("fr", "ar", "en");
                partners.add(new RegisterPartner(id, name, kind, "MA", regions, languages, id + "@demo.example.org", services));
            }
        }
        return partners;
    }

    static PersonalDetails person(Random random) {
        boolean female = random.nextBoolean();
        List<String> nationalities = List.copyOf(NATIONALITIES.keySet()).stream().sorted().toList();
        String nationality = nationalities.get(random.nextInt(nationalities.size()));
        return new PersonalDetails(pick(random, female ? GIVEN_FEMALE : GIVEN_MALE), pick(random, FAMILY),
                                   LocalDate.of(1975 + random.nextInt(34), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                                   female ? Sex.FEMALE : Sex.MALE, nationality,
                                   "+212 6%02d %02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100),
                                                                          random.nextInt(100), random.nextInt(100)),
                                   NATIONALITIES.get(nationality));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
