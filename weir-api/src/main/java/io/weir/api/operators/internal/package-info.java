/**
 * What the API's operators share with the runtime, and the runtime's side of the operator
 * contract that operators never call themselves: not user API. Jobs program against
 * {@code io.weir.api.operators} and the user-facing packages; an architecture rule (LayerRulesTest)
 * keeps those from depending on this package, so it can change with the runtime.
 */
package io.weir.api.operators.internal;
