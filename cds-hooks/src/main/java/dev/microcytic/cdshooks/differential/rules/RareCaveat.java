package dev.microcytic.cdshooks.differential.rules;

import java.util.List;

/**
 * The caveats of the rare-cause rules, each a sentence of the knowledge package's {@code statements.json} (key
 * {@code caveat.<code>}) with its source and the placeholders it fills (in order); the code is the caveat's code on the
 * card. {@link KnowledgeView} resolves every one at construction.
 */
enum RareCaveat {
    PHLEBOTOMY_ACERULOPLASMINEMIA("phlebotomy-aceruloplasminemia"),
    ATRANSFERRINEMIA_NO_IRON("atransferrinemia-no-iron"),
    TRANSFUSION_IRON_LOADING("transfusion-iron-loading"),
    PYRIDOXINE_TRIAL("pyridoxine-trial"),
    OLDER_IRON_STUDIES("older-iron-studies", "date"),
    IRIDA_IV_IRON("irida-iv-iron"),
    LEAD_PUBLIC_HEALTH("lead-public-health"),
    DRUG_WITHDRAWAL("drug-withdrawal"),
    COPPER_REPLETION("copper-repletion"),
    KDIGO_IRON_TRIAL("kdigo-iron-trial");

    final String code;
    final String key;
    final List<String> placeholders;

    RareCaveat(String code, String... placeholders) {
        this.code = code;
        this.key = "caveat." + code;
        this.placeholders = List.of(placeholders);
    }
}
