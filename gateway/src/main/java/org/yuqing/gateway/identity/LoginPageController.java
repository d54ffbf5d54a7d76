package org.yuqing.gateway.identity;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The login page (登录页) in Chinese; the form posts to {@code /login}, handled by Spring Security.
 */
@RestController
class LoginPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String loginPage(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                     @RequestParam(required = false) String locked, @RequestParam(required = false) String throttled,
                     CsrfToken csrf) {
        String message = "";
        if (locked != null) {
            message = "<p class=\"message error\" id=\"login-locked\">" + LoginThrottle.LOCKED + "。</p>";
        } else if (throttled != null) {
            message = "<p class=\"message error\" id=\"login-throttled\">" + LoginThrottle.THROTTLED + "</p>";
        } else if (error != null) {
            message = "<p class=\"message error\" id=\"login-error\">用户名或密码错误，请重试。</p>";
        } else if (logout != null) {
            message = "<p class=\"message\" id=\"logout-message\">您已安全退出。</p>";
        }
        return PAGE.replace("{{message}}", message)
                .replace("{{csrfName}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
              <meta charset="UTF-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>登录 · 舆情应急处置平台</title>
              <style>
                body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
                       background: #f2f4f7; font-family: system-ui, "PingFang SC", "Microsoft YaHei",
                       "Noto Sans CJK SC", sans-serif; color: #1f2937; }
                form { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; width: 20rem;
                       box-shadow: 0 2px 12px rgba(0,0,0,.08); }
                h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
                .sub { color: #6b7280; margin: 0 0 1.5rem; font-size: .9rem; }
                label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem;
                       border: 1px solid #d1d5db; border-radius: 4px; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%; padding: .6rem; border: 0; border-radius: 4px;
                       background: #1d4ed8; color: #fff; font-size: 1rem; cursor: pointer; }
                .message { padding: .5rem; border-radius: 4px; background: #ecfdf5; color: #065f46; }
                .message.error { background: #fef2f2; color: #991b1b; }
              </style>
            </head>
            <body>
              <form method="post" action="/login" id="login-form">
                <h1>舆情应急处置平台</h1>
                <p class="sub">Yuqing · 请登录</p>
                {{message}}
                <label for="username">用户名</label>
                <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                <input type="hidden" name="{{csrfName}}" value="{{csrfToken}}">
                <button type="submit" id="login-button">登录</button>
              </form>
            </body>
            </html>
            """;
}
