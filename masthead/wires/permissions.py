"""Who may do what with wires.

Items and errors come from the agencies and the poller, never from a form, so
their only permission is "view", for superusers too. Turning an item into a draft
is "add" on WireUse (`wires.add_wireuse`); sources are managed with the usual
add/change/delete/view permissions of WireSource ("Poll now" needs change).
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import WireItem, WireSource, WireSourceError, WireUse


class OnlyActionsPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the actions the model has."""

    def __init__(self, model, actions: tuple[str, ...]):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.actions]
        if not actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(actions)


def _policy(model):
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(model)


def can_view_items(user) -> bool:
    return _policy(WireItem).user_has_permission(user, "view")


def can_use_items(user) -> bool:
    return _policy(WireUse).user_has_permission(user, "add")


def can_poll(user) -> bool:
    return _policy(WireSource).user_has_permission(user, "change")


def can_view_errors(user) -> bool:
    return _policy(WireSourceError).user_has_permission(user, "view")


POLICIES = {
    WireItem: OnlyActionsPolicy(WireItem, ("view",)),
    WireSourceError: OnlyActionsPolicy(WireSourceError, ("view",)),
    WireUse: OnlyActionsPolicy(WireUse, ("add", "view")),
}
