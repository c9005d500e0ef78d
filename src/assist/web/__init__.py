"""`assist review --web`: the review page, served on 127.0.0.1 to the user's own browser.

guard.py keeps strangers out (token, Host, CSRF, Origin, security headers); cards.py reads the
store into weeks and cards; actions.py turns a form's button into the store's own calls (the same
ones the command line makes); app.py routes and renders; server.py binds, serves and stops.
"""
