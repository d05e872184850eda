"""Engines written for the tests, as a newsroom would write an adapter: they
speak through espeak-ng, or fail the way a broken engine fails."""

from masthead.listen.engines.base import SpeechError
from masthead.listen.engines.espeak import EspeakEngine

CALLS = []


class FailingEngine(EspeakEngine):
    name = "failing"

    def synthesise(self, text, language, target):
        CALLS.append(language)
        raise SpeechError("the voice server answered 503")


class CountingEngine(EspeakEngine):
    name = "counting"

    def synthesise(self, text, language, target):
        CALLS.append(language)
        super().synthesise(text, language, target)
