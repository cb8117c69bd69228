<#--
  Company SSO login page: keycloak.v2's login.ftl (Keycloak 26.7.3), changed in three places:
  1. the Company SSO button(s) come first, as the page's primary button, with the IdP's display name and icon;
  2. the local username/password form is folded into a <details> (or shown, or hidden: setting companySsoLocalLogin);
  3. other identity providers keep Keycloak's usual list below.
  Setting companySsoLocalLogin = folded (default) | shown | hidden: the realm attribute of that name wins over the
  theme property of that name (theme.properties).
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "passkeys.ftl" as passkeys>
<#assign allProviders = (social.providers)![]>
<#assign ssoProviders = allProviders?filter(p -> p.providerId == "company-sso")>
<#assign otherProviders = allProviders?filter(p -> p.providerId != "company-sso")>
<#assign localLogin = ((realm.getAttribute("companySsoLocalLogin"))!(properties.companySsoLocalLogin!"folded"))?trim?lower_case>
<#if !ssoProviders?has_content><#assign localLogin = "shown"></#if>
<#assign localOpen = localLogin == "shown" || messagesPerField.existsError('username','password') || (login.username)?has_content || usernameHidden??>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled?? && localLogin != "hidden"; section>
<!-- template: login.ftl (company-sso) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <#if ssoProviders?has_content>
            <div id="company-sso-providers" class="company-sso-providers">
                <p class="company-sso-intro">${msg("companySsoIntro")}</p>
                <#list ssoProviders as p>
                    <a data-once-link data-disabled-class="${properties.kcFormSocialAccountListButtonDisabledClass!}"
                       id="social-${p.alias}" href="${p.loginUrl}" aria-label="${p.displayName}"
                       class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} company-sso-button">
                        <#if p.iconClasses?has_content>
                            <span class="company-sso-icon ${p.iconClasses}" aria-hidden="true"></span>
                        <#elseif (p.themeConfig.iconUrl)?has_content>
                            <img class="company-sso-icon" src="${p.themeConfig.iconUrl}" alt="" aria-hidden="true"/>
                        <#else>
                            <img class="company-sso-icon" src="${url.resourcesPath}/img/company-sso.svg" alt="" aria-hidden="true"/>
                        </#if>
                        <span class="company-sso-label">${p.displayName!}</span>
                    </a>
                </#list>
            </div>
        </#if>
        <#if realm.password && localLogin != "hidden">
            <#if localLogin == "shown">
                <@localForm/>
            <#else>
                <details id="kc-local-login" class="company-sso-local"<#if localOpen> open</#if>>
                    <summary id="kc-local-login-toggle">${msg("companySsoLocalLogin")}</summary>
                    <@localForm/>
                </details>
            </#if>
        </#if>
        <@passkeys.conditionalUIData />
    <#elseif section = "socialProviders" >
        <#if otherProviders?has_content>
            <@identityProviders.show social={"providers": otherProviders}/>
        </#if>
    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <div id="kc-registration-container">
                <div id="kc-registration">
                    <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
                </div>
            </div>
        </#if>
    </#if>

</@layout.registrationLayout>

<#macro localForm>
        <div id="kc-form">
          <div id="kc-form-wrapper">
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <#assign label>
                            <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                        </#assign>
                        <@field.input name="username" label=label error=messagesPerField.getFirstError('username','password')
                            autofocus=localOpen autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" value=login.username!'' />
                        <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
          </div>
        </div>
</#macro>
