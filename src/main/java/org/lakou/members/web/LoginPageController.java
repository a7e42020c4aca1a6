package org.lakou.members.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.members.PasswordResetApi;
import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lakou's own login form (Spring Security processes {@code POST /login}) and the forgotten-password
 * pages over {@link PasswordResetApi}, the flow {@code /api/members/password-reset} offers scripts.
 * A failed login says only that the e-mail or the password is wrong; a lockout says so, with 429.
 */
@Hidden
@Controller
class LoginPageController {

    static final int MIN_PASSWORD = 12;

    private final PasswordResetApi resets;

    LoginPageController(PasswordResetApi resets) {
        this.resets = resets;
    }

    @GetMapping("/login")
    String login(Model model) {
        return "members/login";
    }

    /** Where the failure handler forwards a throttled login: the same form, the lockout explained. */
    @RequestMapping(path = "/login/bloque", method = {RequestMethod.GET, RequestMethod.POST})
    String locked(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("locked", true);
        return "members/login";
    }

    @GetMapping("/mot-de-passe")
    String forgotten() {
        return "members/forgotten";
    }

    @PostMapping("/mot-de-passe")
    String requestCode(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (email.isBlank() || !email.contains("@")) {
            model.addAttribute("error", "forgotten.invalidEmail");
            response.setStatus(400);
            return "members/forgotten";
        }
        try {
            resets.request(email.trim(), request.getRemoteAddr());
        } catch (ApiException e) {
            model.addAttribute("error", "forgotten.tooMany");
            response.setStatus(e.status().value());
            return "members/forgotten";
        }
        redirect.addFlashAttribute("flash", "forgotten.sent");
        return "redirect:/mot-de-passe/code";
    }

    @GetMapping("/mot-de-passe/code")
    String codeForm() {
        return "members/reset";
    }

    @PostMapping("/mot-de-passe/code")
    String confirm(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        String error = password.length() < MIN_PASSWORD ? "reset.tooShort"
                : !password.equals(confirmation) ? "reset.mismatch" : null;
        if (error == null) {
            try {
                resets.confirm(code, password);
            } catch (ApiException e) {
                error = "reset.invalidCode";
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
            response.setStatus(400);
            return "members/reset";
        }
        redirect.addFlashAttribute("flash", "reset.done");
        return "redirect:/login";
    }
}
