package dev.microcytic.server.webapp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Routes of the web app. The pages are static (src/main/resources/static/app) and read everything from {@code /fhir};
 * this controller only maps the app's paths onto them and tells the SMART client its client id and scopes.
 */
@Controller
public class WebAppController {

    /** A FHIR id: 1-64 characters of letters, digits, '-' and '.'. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final AppProperties properties;

    public WebAppController(AppProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/app")
    public String app() {
        return "redirect:/app/";
    }

    @GetMapping("/app/")
    public String worklist() {
        return "forward:/app/index.html";
    }

    @GetMapping("/app/patients/{id}")
    public String patient(@PathVariable String id) {
        if (!FHIR_ID.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a FHIR id");
        }
        return "forward:/app/patient.html";
    }

    /** What the SMART client needs to ask the EHR's authorization server for a token. */
    @GetMapping(value = "/app/config.json", produces = "application/json")
    @ResponseBody
    public Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clientId", properties.clientId());
        config.put("scope", properties.scope());
        return config;
    }
}
