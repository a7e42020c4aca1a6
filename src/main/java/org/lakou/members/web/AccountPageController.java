package org.lakou.members.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.members.ApiToken;
import org.lakou.members.MemberApi;
import org.lakou.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member space's home, {@code /compte}: the account, a password change and personal API tokens. */
@Hidden
@Controller
class AccountPageController {

    private final MemberApi members;

    AccountPageController(MemberApi members) {
        this.members = members;
    }

    @GetMapping("/compte")
    String account(Model model) {
        String id = Viewer.current().memberId();
        model.addAttribute("member", members.get(id));
        model.addAttribute("tokens", members.tokens(id));
        return "members/account";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(@RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
            RedirectAttributes redirect) {
        String id = Viewer.current().memberId();
        String error = !members.checkPassword(id, current) ? "account.password.wrong"
                : password.length() < LoginPageController.MIN_PASSWORD ? "reset.tooShort"
                : !password.equals(confirmation) ? "reset.mismatch" : null;
        if (error != null) {
            redirect.addFlashAttribute("passwordError", error);
            return "redirect:/compte#mot-de-passe";
        }
        members.setPassword(id, password);
        redirect.addFlashAttribute("flash", "account.password.changed");
        return "redirect:/compte";
    }

    @PostMapping("/compte/jetons")
    String createToken(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        ApiToken t = members.createToken(Viewer.current().memberId(), name.isBlank() ? null : name.trim());
        // the secret is shown once, on the next page, and never stored in clear
        redirect.addFlashAttribute("newToken", t);
        redirect.addFlashAttribute("flash", "account.token.created");
        return "redirect:/compte#jetons";
    }

    @PostMapping("/compte/jetons/{tokenId}/revoquer")
    String revokeToken(@PathVariable String tokenId, RedirectAttributes redirect) {
        members.revokeToken(Viewer.current().memberId(), tokenId);
        redirect.addFlashAttribute("flash", "account.token.revoked");
        return "redirect:/compte#jetons";
    }
}
