// The starting point of a new letter template: every part a letter to an official needs, in a
// section's voice ("we") and in a supporter's own ("I", when sender.supporter is true).
export const defaultTemplateSubject = "{{ case.title }}";

export const defaultTemplateBody = `{{ target.salutation }},

{% if sender.supporter %}I am writing to you about the case of {{ people_names }}.{% else %}We are writing to you on behalf of {{ sender.name }} about the case of {{ people_names }}.{% endif %}

{{ case.summary }}

{% for person in people %}{{ person.name }} is {{ person.status }}{% if person.status_since != "" %} since {{ person.status_since }}{% endif %}{% if person.held_at != "" %}, held at {{ person.held_at }}{% endif %}.{% for charge in person.charges %} They are charged under {{ charge.text }}.{% endfor %}
{% endfor %}
{% if sender.supporter %}I{% else %}We{% endif %} respectfully ask the authorities of {{ case.country }}:
{% for demand in demands %}- {{ demand }}
{% endfor %}
{% if sender.supporter %}I{% else %}We{% endif %} would be grateful for your reply, and for any step you can take.

{{ date }}`;
