package config

import (
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// validate is the checker of the `validate` tags of Config: each field
// named by its `key` tag (the setting in mkspace.yaml).
var validate = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return f.Tag.Get("key") })
	return v
})

// validate records, for every setting of c read without a problem whose
// value breaks its `validate` tag, the same message a value that does not
// read would give: what the setting takes, with an example.
func (r *reader) validate(c *Config) {
	err := validate().Struct(c)
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		return
	}
	for _, fe := range fes {
		key := fe.Field()
		if fe.Tag() == "gtefield" { // window.end before window.start
			e := r.at(key)
			e.Key, e.Args = "config.window-order", []string{"start", c.Window.Start.Format(DateLayout), "end", c.Window.End.Format(DateLayout)}
			r.fail(key, e)
			continue
		}
		want, args := wantOf(fe)
		r.invalid(key, valueText(r.v.Get(key)), want, args...)
	}
}

// wantOf is the message key (and its placeholders) of what a setting takes
// that broke the rule of fe.
func wantOf(fe validator.FieldError) (string, []string) {
	example := []string{"example", exampleOf(fe.Field())}
	switch {
	case fe.Tag() == "oneof":
		return "config.want.choice", []string{"choices", strings.ReplaceAll(fe.Param(), " ", ", ")}
	case fe.Kind() == reflect.Float64:
		return "config.want.number", example
	case fe.Kind() == reflect.Int64: // a size in bytes
		return "config.want.size", nil
	case fe.Param() == "0":
		return "config.want.count", example
	}
	return "config.want.positive", example
}
