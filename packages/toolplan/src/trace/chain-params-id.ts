/**
 * The id of the result a chain's parameters are bound to. A chain's plan template is an ordinary
 * plan whose arguments reference `$params.name`; running it passes the parameters as an existing
 * result, so no template syntax beyond the plan's own is needed.
 */
export const CHAIN_PARAMS_ID = 'params';
