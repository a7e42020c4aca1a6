package org.lakou.site.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff desk's entry ({@code /gestion}, DOCUMENTALIST by the security rules): the sections a
 * documentalist works in each day, and the administration ones for an ADMIN. Each section's pages
 * live in the module that owns its data, under that module's {@code web/}.
 */
@Hidden
@Controller
class StaffHomeController {

    @GetMapping("/gestion")
    String home() {
        return "gestion/home";
    }
}
