package dev.companysso.keycloak.admin;

import dev.companysso.keycloak.CompanySsoIdentityProviderFactory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST endpoints of the extension, under {@code /admin/realms/{realm}/company-sso}. Keycloak's admin
 * authentication applies; each endpoint checks the caller may view identity providers.
 */
public class CompanySsoAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    CompanySsoAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * Dry run: how this provider would read the given sample answers, who the user would be and what each mapper
     * would grant. Creates nothing; tokens are redacted from the answer.
     */
    @POST
    @Path("{alias}/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRun(@PathParam("alias") String alias, DryRunRequest request) {
        auth.realm().requireViewIdentityProviders();
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        if (model == null || !CompanySsoIdentityProviderFactory.PROVIDER_ID.equals(model.getProviderId())) {
            throw new NotFoundException("No Company SSO provider '" + alias + "' in this realm");
        }
        if (request == null || request.tokenResponse == null) {
            throw new BadRequestException("tokenResponse is required");
        }
        return Response.ok(DryRun.run(session, realm, model, request)).build();
    }
}
